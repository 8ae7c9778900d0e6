import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// The board's connection-level limits, one per connection, right after HTTP decoding (SPEC 7.1):
/// the connection counts against its address in the `ConnectionGuard` until it presents a valid
/// token (it is closed at once when its address has too many already), and its first request's
/// headers must arrive within `headerTimeout` (a connection that sends nothing, or its headers a
/// byte at a time, is closed). The idle timeout is Hummingbird's own (`HTTP1Channel`).
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let guardian: ConnectionGuard
    private let headerTimeout: TimeAmount
    private let validToken: @Sendable (HTTPRequest) -> Bool
    private var address: String?
    private var admitted = false
    private var counted = false
    private var headerTimer: Scheduled<Void>?

    /// A handler counting under `guardian`, closing after `headerTimeout` without headers, and
    /// asking `validToken` whether a request's token is one of the board's.
    init(guardian: ConnectionGuard, headerTimeout: TimeAmount, validToken: @escaping @Sendable (HTTPRequest) -> Bool) {
        self.guardian = guardian
        self.headerTimeout = headerTimeout
        self.validToken = validToken
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        // Not during the pipeline's setup: closing then would fail the setup itself.
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (handler, context) = loopBound.value
            handler.admit(context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopCounting()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        headerTimer?.cancel()
        headerTimer = nil
        stopCounting()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            headerTimer?.cancel()
            headerTimer = nil
            if counted, validToken(head) { stopCounting() }
        }
        context.fireChannelRead(data)
    }

    /// Counts the connection, or closes it when its address has too many; starts the header clock.
    private func admit(_ context: ChannelHandlerContext) {
        guard !admitted, context.channel.isActive else { return }
        admitted = true
        address = context.channel.remoteAddress?.ipAddress
        guard guardian.open(address) else {
            context.close(promise: nil)
            return
        }
        counted = true
        headerTimer = context.eventLoop.assumeIsolated().scheduleTask(in: headerTimeout) { [weak self] in
            guard let self, self.headerTimer != nil else { return }
            self.headerTimer = nil
            context.close(promise: nil)
        }
    }

    private func stopCounting() {
        guard counted else { return }
        counted = false
        guardian.release(address)
    }
}

@available(*, unavailable)
extension ConnectionGuardHandler: Sendable {}
