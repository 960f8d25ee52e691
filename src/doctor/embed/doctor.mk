h2rs-doctor-dumpconfig: outputmakefile scripts_basic FORCE
	$(Q)$(MAKE) $(build)=scripts/kconfig scripts/kconfig/conf
	$(Q)test -x h2rs-doctor-kconfig || $(HOSTCC) -w -std=gnu11 -I$(srctree)/scripts/include -I$(srctree)/scripts/kconfig -Iscripts/kconfig -o h2rs-doctor-kconfig h2rs-doctor-kconfig.c $(addprefix scripts/kconfig/,confdata.o expr.o lexer.lex.o menu.o parser.tab.o preprocess.o symbol.o util.o)
	$(Q)./h2rs-doctor-kconfig $(if $(KBUILD_KCONFIG),$(KBUILD_KCONFIG),Kconfig) $(if $(DOCTOR_DEFCONFIG),$(h2rs-doctor-defconfig),$(KCONFIG_CONFIG)) $(DOCTOR_DEPTH) $(DOCTOR_SYMS) > $(DOCTOR_OUT)
# DOCTOR_DEFCONFIG=1: the arch's defconfig file, read as `make defconfig` reads it
h2rs-doctor-defconfig = $(or $(wildcard $(srctree)/arch/$(SRCARCH)/configs/$(KBUILD_DEFCONFIG)),/nonexistent)
