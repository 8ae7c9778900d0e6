import Foundation
import Steps
import Workflow

/// Loads and validates a generated runbook of many steps; reports the best time and peak memory.
struct LoadBenchmark {
    /// Number of steps in the generated runbook.
    let steps: Int
    /// How many timed repetitions.
    let repetitions: Int

    /// A realistic runbook: docker and exec steps with matchers, captures, needs and probes.
    static func generate(steps: Int) -> String {
        var text = """
            runbook: 1
            title: generated
            vars:
              DOCKER_USERNAME: ${env.DOCKER_USERNAME:-${learner}}
              image: ${DOCKER_USERNAME}/tf-mnist
              ubuntu_image: ubuntu
            defaults:
              timeout: 2m
            steps:

            """
        for index in 0..<steps {
            switch index % 4 {
            case 0:
                text += """
                      - id: run-\(index)
                        title: Run container \(index)
                        say: |
                          Docker starts a container from `${ubuntu_image}` and runs `hostname`.
                        docker: run --name ${learner}-c\(index) ${ubuntu_image} hostname
                        expect:
                          stdout: { matches: '^[0-9a-f]{12}$' }
                        capture:
                          host\(index): { from: stdout, regex: '^([0-9a-f]{12})$' }
                        hint: Is the Docker engine running?

                    """
            case 1:
                text += """
                      - id: logs-\(index)
                        docker: [logs, "${learner}-c\(index - 1)"]
                        expect:
                          stdout: { equals: "${host\(index - 1)}" }
                        verify:
                          - docker: container inspect ${learner}-c\(index - 1)

                    """
            case 2:
                text += """
                      - id: train-\(index)
                        docker: run --rm ${image} --max_steps 100
                        timeout: 10m
                        expect:
                          stdout:
                            - lines: ['^Accuracy at step 0:', '^Accuracy at step 90: (?<acc\(index)>0\\.\\d+)$']
                            - count: { matches: '^Accuracy at step \\d+:', min: 10, max: 10 }
                            - not_contains: Traceback
                          values:
                            acc\(index): ">= 0.6"

                    """
            default:
                text += """
                      - id: check-\(index)
                        exec: [sh, -c, "echo ok \(index)"]
                        when: "!gpu"
                        needs: [run-\(index - 3)]
                        expect:
                          output: { contains: "ok" }

                    """
            }
        }
        return text
    }

    func run() throws {
        let text = Self.generate(steps: steps)
        let path = "bench-\(steps).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let bytes = [UInt8](text.utf8)
        let loader = RunbookLoader(registry: StandardKinds.make())
        var yamlBest = Duration.seconds(3600)
        for _ in 0..<repetitions {
            let clock = ContinuousClock()
            let start = clock.now
            _ = YAMLLoader().load(bytes: bytes, path: path)
            yamlBest = min(yamlBest, clock.now - start)
        }
        print(String(format: "yaml only: %.1f ms", yamlBest.milliseconds))
        var best = Duration.seconds(3600)
        var stepCount = 0
        for _ in 0..<repetitions {
            let clock = ContinuousClock()
            let start = clock.now
            let result = loader.load(bytes: bytes, path: path)
            let elapsed = clock.now - start
            guard let runbook = result.runbook else {
                print(result.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))
                throw BenchmarkFailure(message: "generated runbook is invalid")
            }
            stepCount = runbook.steps.count
            best = min(best, elapsed)
        }
        let megabytes = Double(bytes.count) / 1_048_576
        print(
            String(
                format: "load+validate: %d steps, %.2f MiB, best of %d: %.1f ms, peak RSS %.1f MiB",
                stepCount, megabytes, repetitions, best.milliseconds, PeakMemory.residentMiB()))
    }
}
