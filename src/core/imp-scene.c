/* imp-scene.c: placeholder until its owner writes it (foundation issue). */
#include "imp-scene.h"
