/*
 * doctor.h — `h2rs doctor`: can this kernel tree, configuration,
 * architecture and toolchain build Rust, and if not, why and what is the
 * smallest fix. Independent of the generator; see the Doctor section of README.md.
 */
#ifndef H2RS_DOCTOR_H
#define H2RS_DOCTOR_H

/* argv[0] is "doctor". Prints one report; returns 0 when Rust can be built
 * as given, 1 when not, 2 on usage errors. */
int doctor_main(int argc, char **argv);

#endif /* H2RS_DOCTOR_H */
