package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TokenResponseTest {

    @Test
    void toStringMasksBothTokensAndShowsTheLifetime() {
        assertThat(new TokenResponse("access-1", "refresh-1", Duration.ofSeconds(1)).toString())
                .doesNotContain("access-1", "refresh-1").contains("****", "PT1S");
    }

    @Test
    void toStringSaysWhenThereIsNoRefreshToken() {
        assertThat(new TokenResponse("access-1", null, Duration.ofMinutes(10)))
                .hasToString("TokenResponse[accessToken=****, refreshToken=<none>, expiresIn=PT10M]");
    }
}
