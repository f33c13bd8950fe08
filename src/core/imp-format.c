/* imp-format.c: placeholder until its owner writes it (foundation issue). */
#include "imp-format.h"
