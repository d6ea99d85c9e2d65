#ifndef GUICHET_CNCURSES_SHIM_H
#define GUICHET_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/*
 * Swift cannot import ncurses' function-like macros (A_BOLD, COLOR_PAIR, KEY_F, getmaxyx),
 * and Swift 6 rejects touching C mutable globals (stdscr, stdin, LINES, COLS, COLOR_PAIRS).
 * These static inline wrappers expose them as plain functions. Only NCursesTerminal uses them.
 */

/* The standard screen of the current SCREEN (set_term). */
static inline WINDOW *guichet_stdscr(void) { return stdscr; }

/* The C standard streams, the default input and output of newterm. */
static inline FILE *guichet_stdin(void) { return stdin; }
static inline FILE *guichet_stdout(void) { return stdout; }

/* Screen size as ncurses currently knows it. */
static inline int guichet_lines(void) { return LINES; }
static inline int guichet_cols(void) { return COLS; }
static inline void guichet_getmaxyx(WINDOW *win, int *rows, int *columns) {
    int y, x;
    getmaxyx(win, y, x);
    *rows = y;
    *columns = x;
}

/* Colours. */
static inline int guichet_color_pairs(void) { return COLOR_PAIRS; }
static inline int guichet_colors(void) { return COLORS; }
static inline attr_t guichet_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

/* Video attributes. */
static inline attr_t guichet_a_normal(void) { return A_NORMAL; }
static inline attr_t guichet_a_bold(void) { return A_BOLD; }
static inline attr_t guichet_a_reverse(void) { return A_REVERSE; }
static inline attr_t guichet_a_underline(void) { return A_UNDERLINE; }
static inline attr_t guichet_a_dim(void) { return A_DIM; }

/* Keys. */
static inline int guichet_key_f(int n) { return KEY_F(n); }
static inline int guichet_get_wch(wint_t *wch) { return wget_wch(stdscr, wch); }
static inline int guichet_escdelay(void) { return ESCDELAY; }

/* Wide characters: how many a cchar_t holds (spacing character plus combining marks). */
static inline int guichet_ccharw_max(void) { return CCHARW_MAX; }

/* The column width the C library (and so ncurses) gives a wide character; -1 if unprintable. */
static inline int guichet_wcwidth(wchar_t character) { return wcwidth(character); }

/* The codeset of the current LC_CTYPE locale, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *guichet_codeset(void) { return nl_langinfo(CODESET); }

#endif
