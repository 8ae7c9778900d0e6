import Foundation

/// The hooks that make a shell print OSC 133 marks while the person's own rc files still load:
/// bash gets an `--rcfile` that sources `~/.bashrc` and then adds `PROMPT_COMMAND` (end mark `D`
/// with the status, prompt marks `A`/`B` around `PS1`) and `PS0` (`C` with the command line from
/// history and the working folder); zsh gets a `ZDOTDIR` whose files source the person's own
/// (from their `ZDOTDIR` or home) and then add `precmd`/`preexec` hooks.
public struct ShellIntegration: Sendable {
    /// A shell the recorder knows.
    public enum Shell: String, Sendable, CaseIterable {
        /// GNU bash (4.4 or later: `PS0`).
        case bash
        /// zsh.
        case zsh
    }

    /// Which shell.
    public let shell: Shell
    /// The folder that holds the hook files.
    public let folder: URL

    /// Writes the hook files of `shell` into `folder` (which must exist).
    public init(shell: Shell, folder: URL) throws {
        self.shell = shell
        self.folder = folder
        switch shell {
        case .bash:
            try Self.bashHooks.write(to: folder.appendingPathComponent("bashrc"), atomically: true, encoding: .utf8)
        case .zsh:
            try Self.zshEnv.write(to: folder.appendingPathComponent(".zshenv"), atomically: true, encoding: .utf8)
            try Self.zshHooks.write(to: folder.appendingPathComponent(".zshrc"), atomically: true, encoding: .utf8)
        }
    }

    /// The shell's arguments after its path.
    public var arguments: [String] {
        switch shell {
        case .bash: ["--rcfile", folder.appendingPathComponent("bashrc").path, "-i"]
        case .zsh: ["-i"]
        }
    }

    /// The environment the shell starts with: `environment` plus what the hooks need.
    public func environment(_ environment: [String: String]) -> [String: String] {
        var result = environment
        result["RUNBOOK_RECORDING"] = "1"
        if shell == .zsh {
            result["RUNBOOK_USER_ZDOTDIR"] = environment["ZDOTDIR"] ?? environment["HOME"] ?? ""
            result["ZDOTDIR"] = folder.path
        }
        return result
    }

    // Why percent-encoding in the shell itself: no program may be missing (od, base64), and a
    // command line may hold `;` and BEL, which would end the mark.
    private static let encoder = #"""
        __runbook_urlencode() {
          local LC_ALL=C s="$1" out="" c i
          for (( i = 0; i < ${#s}; i++ )); do
            c="${s:$i:1}"
            case "$c" in
              [a-zA-Z0-9./_~-]) out+="$c" ;;
              *) out+=$(printf '%%%02X' "'$c") ;;
            esac
          done
          printf '%s' "$out"
        }
        """#

    private static let bashHooks = #"""
        # runbook record: the person's bashrc, then OSC 133 marks (SPEC 11.2).
        [ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"
        \#(encoder)
        # Commands typed with a leading blank must reach history too: PS0 reads the line from it.
        HISTCONTROL="${HISTCONTROL//ignorespace/}"; HISTCONTROL="${HISTCONTROL//ignoreboth/ignoredups}"; unset HISTIGNORE
        set -o history
        __runbook_ran=0
        __runbook_c() {
          local line; line=$(HISTTIMEFORMAT= builtin history 1)
          [[ $line =~ ^[[:space:]]*[0-9]+[*]?[[:space:]]+(.*)$ ]] && line="${BASH_REMATCH[1]}"
          printf '\033]133;C;cmdline_url=%s;cwd_url=%s;pid=%s\007' "$(__runbook_urlencode "$line")" "$(__runbook_urlencode "$PWD")" "$$"
        }
        __runbook_d() {
          local __runbook_s=$?
          if [ "$__runbook_ran" = 1 ]; then printf '\033]133;D;%s;pid=%s\007' "$__runbook_s" "$$"; __runbook_ran=0; fi
          return $__runbook_s
        }
        __runbook_ps1() {
          case "$PS1" in *'133;B'*) ;; *) PS1='\[\033]133;A\007\]'"$PS1"'\[\033]133;B\007\]' ;; esac
        }
        # Lines, not `;`: the person's PROMPT_COMMAND may end with one already.
        if [[ "$(declare -p PROMPT_COMMAND 2>/dev/null)" == "declare -a"* ]]; then
          PROMPT_COMMAND=(__runbook_d "${PROMPT_COMMAND[@]}" __runbook_ps1)
        else
          PROMPT_COMMAND="__runbook_d"$'\n'"${PROMPT_COMMAND:+$PROMPT_COMMAND$'\n'}__runbook_ps1"
        fi
        # The arithmetic in the empty substring sets the flag in this shell (a $(…) could not).
        PS0="${PS0}"'${__runbook_ran:$((__runbook_ran=1)):0}$(__runbook_c)'
        """#

    private static let zshEnv = #"""
        # runbook record: the person's .zshenv first.
        [ -f "${RUNBOOK_USER_ZDOTDIR:-$HOME}/.zshenv" ] && . "${RUNBOOK_USER_ZDOTDIR:-$HOME}/.zshenv"
        """#

    private static let zshHooks = #"""
        # runbook record: the person's .zshrc, then OSC 133 marks (SPEC 11.2).
        __runbook_home="${RUNBOOK_USER_ZDOTDIR:-$HOME}"
        if [ "$__runbook_home" = "$HOME" ]; then unset ZDOTDIR; else ZDOTDIR="$__runbook_home"; fi
        [ -f "$__runbook_home/.zshrc" ] && . "$__runbook_home/.zshrc"
        \#(encoder)
        __runbook_ran=0
        __runbook_preexec() {
          printf '\033]133;C;cmdline_url=%s;cwd_url=%s;pid=%s\007' "$(__runbook_urlencode "$1")" \
            "$(__runbook_urlencode "$PWD")" "$$"
          __runbook_ran=1
        }
        __runbook_precmd() {
          local __runbook_s=$?
          if [ "$__runbook_ran" = 1 ]; then printf '\033]133;D;%s;pid=%s\007' "$__runbook_s" "$$"; __runbook_ran=0; fi
          case "$PS1" in *'133;B'*) ;; *) PS1=$'%{\e]133;A\a%}'"$PS1"$'%{\e]133;B\a%}' ;; esac
          return $__runbook_s
        }
        precmd_functions=(__runbook_precmd $precmd_functions)
        preexec_functions+=(__runbook_preexec)
        """#
}
