package ch.ticketpark.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.ReplayWithNewToken;
import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.exception.InvalidPayloadException;
import ch.ticketpark.client.model.EmailRequest;

/**
 * Sends e-mails about bookings ({@code POST /email/send}). Inject it with {@code @Inject @RestClient EmailClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@ReplayWithNewToken
@Path("/email")
@Consumes(MediaType.APPLICATION_JSON)
public interface EmailClient {

    /**
     * {@code POST /email/send}
     *
     * @throws InvalidPayloadException if the booking is not confirmed
     */
    @POST
    @Path("/send")
    void send(EmailRequest request);

    /**
     * Sends the confirmation of a confirmed booking to its customer.
     *
     * @param booking the booking's pid
     * @throws InvalidPayloadException if the booking is not confirmed
     */
    default void sendConfirmation(String booking) {
        send(EmailRequest.confirmation(booking));
    }
}
