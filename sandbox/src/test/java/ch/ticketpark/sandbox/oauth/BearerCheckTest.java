package ch.ticketpark.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerCheckTest {

    @Test
    void labelsAreTheLowerCaseNamesTheControlPlaneReports() {
        assertThat(BearerCheck.VALID.label()).isEqualTo("valid");
        assertThat(BearerCheck.MISSING.label()).isEqualTo("missing");
        assertThat(BearerCheck.INVALID.label()).isEqualTo("invalid");
        assertThat(BearerCheck.EXPIRED.label()).isEqualTo("expired");
    }
}
