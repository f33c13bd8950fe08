/* imp-window.c: placeholder until the UI is written. */
#include <gtk/gtk.h>
