// Only the declaration in include/CFuzzerDriver.h matters; SwiftPM needs one source file.
#include "CFuzzerDriver.h"
