package ch.ticketpark.client.exception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketparkApiExceptionTest {

    @Test
    void aLongBodyIsCutToTheMaximumAndAShortOneKept() {
        String longBody = "x".repeat(TicketparkApiException.MAX_BODY + 1);

        assertThat(new TicketparkApiException("m", 500, "GET", "/events/", longBody).body())
                .hasSize(TicketparkApiException.MAX_BODY);
        assertThat(new TicketparkApiException("m", 500, "GET", "/events/", "{\"code\":500}").body())
                .isEqualTo("{\"code\":500}");
        assertThat(new TicketparkApiException("m", 500, null, null, null).body()).isNull();
    }
}
