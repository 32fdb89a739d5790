#ifndef READOUT_CLIBEDIT_SHIM_H
#define READOUT_CLIBEDIT_SHIM_H

// Swift-facing shim over libedit's readline-compatible API.
//
// Swift 6 strict concurrency rejects direct access to mutable C globals
// (`stdin`, `rl_attempted_completion_function`, ...), and it cannot call
// variadic C functions, so every global the front end touches is read or
// written through one of the small functions below.
//
// Only the `readout` executable imports this module: anything defined here
// is copied into each importing module, so keep it that way.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <malloc.h>
#include <editline/readline.h>

/// The completion hook type libedit calls on Tab: (word, start, end) -> matches.
typedef char **(*readout_completion_hook)(const char *text, int start, int end);
/// A completion generator for `rl_completion_matches`.
typedef char *(*readout_completion_generator)(const char *text, int state);

/// Names the application for `~/.editrc` conditionals (`readout:bind ...`).
static inline void readout_rl_set_name(const char *name) {
    rl_readline_name = name;
}

/// Installs the Tab completion hook; libedit's filename fallback is disabled
/// for every attempt via `readout_rl_completion_over`.
static inline void readout_rl_set_completion_hook(readout_completion_hook hook) {
    rl_attempted_completion_function = hook;
}

/// Sets the characters that end a word for completion. libedit reads
/// `rl_basic_word_break_characters`; GNU readline reads the completer one.
/// `chars` must stay valid for the life of the process.
static inline void readout_rl_set_word_breaks(const char *chars) {
    rl_basic_word_break_characters = chars;
    rl_completer_word_break_characters = (char *)chars;
}

/// Tells libedit not to fall back to filename completion after our hook.
static inline void readout_rl_completion_over(void) {
    rl_attempted_completion_over = 1;
}

/// The character appended after a unique completion (0 for none).
static inline void readout_rl_set_append_character(int c) {
    rl_completion_append_character = c;
}

/// Lets libedit install its own signal handlers while reading a line, so a
/// fatal signal restores the terminal before it reaches ours.
static inline void readout_rl_set_catch_signals(int on) {
    rl_catch_signals = on;
}

/// The line being edited (valid only inside the completion hook).
static inline const char *readout_rl_line_buffer(void) {
    return rl_line_buffer;
}

/// The cursor offset in bytes into `readout_rl_line_buffer()`.
static inline int readout_rl_point(void) {
    return rl_point;
}

/// Builds the matches array for the completion hook from a generator.
static inline char **readout_rl_completion_matches(const char *text, readout_completion_generator generator) {
    return rl_completion_matches(text, generator);
}

/// Number of entries in the in-memory history.
static inline int readout_history_length(void) {
    return history_length;
}

/// Index of the first history entry (for `history_get`).
static inline int readout_history_base(void) {
    return history_base;
}

/// The line of history entry `offset` (0-based from the oldest), or NULL.
static inline const char *readout_history_line(int offset) {
    HIST_ENTRY *entry = history_get(history_base + offset);
    return entry ? entry->line : NULL;
}

/// The C library's standard streams (mutable globals in C).
static inline FILE *readout_stdin(void) { return stdin; }
static inline FILE *readout_stdout(void) { return stdout; }
static inline FILE *readout_stderr(void) { return stderr; }

/// Terminal width of `fd` from TIOCGWINSZ, or 0 when unknown.
static inline int readout_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) {
        return size.ws_col;
    }
    return 0;
}

/// The height in rows of the terminal on `fd`, or 0 when it is not a terminal.
static inline int readout_terminal_rows(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) {
        return size.ws_row;
    }
    return 0;
}

/// Ignores `signo` (SIGPIPE, while writing to a pager that may quit early). Returns 1 when it
/// was ignored already, 0 when it was not, -1 on failure.
static inline int readout_ignore_signal(int signo) {
    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    if (sigaction(signo, &action, &previous) != 0) return -1;
    return previous.sa_handler == SIG_IGN ? 1 : 0;
}

/// Installs `handler` for `signo`. Without `restart` (no SA_RESTART) a blocking
/// read in the line editor fails with EINTR instead of resuming, so `readline`
/// returns. Returns 0 or -1.
static inline int readout_install_signal(int signo, void (*handler)(int), int restart) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = restart ? SA_RESTART : 0;
    return sigaction(signo, &action, NULL);
}

/// Restores the default disposition of `signo`.
static inline int readout_default_signal(int signo) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, NULL);
}

/// Caps the C library's malloc arenas at `n` (glibc makes up to eight per core, one for each
/// thread that allocates while the others hold theirs; each keeps the memory freed in it).
/// Call before any other thread starts. Returns 1 on success.
static inline int readout_limit_malloc_arenas(int n) {
    return mallopt(M_ARENA_MAX, n);
}

#endif
