package com.memora.infra.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedDnsTest {

    @Test
    void refusesLinkLocalAndMetadataAddressesWhateverTheNameLooksLike() {
        assertThatThrownBy(() -> GuardedDns.INSTANCE.lookup("169.254.169.254"))
                .isInstanceOf(GuardedDns.RefusedAddressException.class)
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> GuardedDns.INSTANCE.lookup("169.254.3.4"))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> GuardedDns.INSTANCE.lookup("fe80::1")).hasMessageContaining("link-local");
    }

    @Test
    void letsLoopbackAndOrdinaryAddressesThrough() throws Exception {
        assertThat(GuardedDns.INSTANCE.lookup("127.0.0.1")).hasSize(1);
        assertThat(GuardedDns.INSTANCE.lookup("10.1.2.3")).hasSize(1);
    }
}
