#ifndef SEATPLAN_CGLPK_SHIM_H
#define SEATPLAN_CGLPK_SHIM_H

/* GLPK, the GNU Linear Programming Kit (Debian's libglpk-dev, which ships no pkg-config file).
   Swift code reaches it through SeatPlanKit/Advisor's one wrapper file, never directly. */
#include <glpk.h>

#endif
