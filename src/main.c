/* main.c — one binary, two programs: `h2rs doctor …` (doctor/) or the
 * bindings generator (gen/). */
#include "doctor/doctor.h"
#include "gen/h2rs.h"

#include <string.h>

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "doctor"))
		return doctor_main(argc - 1, argv + 1);
	return gen_main(argc, argv);
}
