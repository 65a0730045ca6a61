/* SPDX-License-Identifier: MIT */
/* The public header compiles as strict C99. */
#include <lerq/lerq.h>

int main(void)
{
	return lerq_strerror(LERQ_OK)[0] == '\0';
}
