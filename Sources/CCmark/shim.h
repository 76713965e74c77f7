#ifndef PORTAL_CCMARK_SHIM_H
#define PORTAL_CCMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>
#endif
