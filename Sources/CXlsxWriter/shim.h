#ifndef SEATPLAN_CXLSXWRITER_SHIM_H
#define SEATPLAN_CXLSXWRITER_SHIM_H

/* libxlsxwriter (Debian's libxlsxwriter-dev). Swift code reaches it through one wrapper file in
   SeatPlanKit, never directly. */
#include <xlsxwriter.h>

#endif
