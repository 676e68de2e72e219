package it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.model.Capacity;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.model.Price;
import ch.ticketpark.client.model.Sector;
import ch.ticketpark.client.model.Show;
import ch.ticketpark.client.model.Venue;
import it.api.Cookbook.NewEvent;

/**
 * The cookbook's event setup from an enterprise bean: venue, sectors (batch), event, show, prices (batch); then what
 * it created, read back by the pids {@code create} returned and compared with the records {@code createAll} returned.
 */
@ExtendWith(ArquillianExtension.class)
class CreateEventIT {

    private static final OffsetDateTime START = OffsetDateTime.of(2027, 5, 1, 20, 0, 0, 0, ZoneOffset.ofHours(2));

    @Deployment
    static WebArchive deployment() {
        return ApiDeployments.war("create-event-it", Cookbook.class);
    }

    @Inject
    Cookbook cookbook;

    @Inject
    Api api;

    @BeforeEach
    void freshSandbox() {
        api.resetSandbox(); // no fault, lifetime or clock shift left by another class
    }

    @Test
    void createsTheEventWithItsVenueSectorsShowAndPrices() {
        // price categories of their own: a show's capacity counts every sector of the host in its event's categories
        String category = "cookbook-" + UUID.randomUUID().toString().substring(0, 8);

        NewEvent created = cookbook.createEvent(Seed.DEMO_HOST, "Cookbook Night", START, category);

        Venue venue = api.call(c -> c.venues().get(created.venue()));
        assertThat(venue.pid()).isEqualTo(created.venue());
        assertThat(venue.host()).isEqualTo(Seed.DEMO_HOST);
        assertThat(venue.name()).isEqualTo("Cookbook Hall");
        assertThat(venue.city()).isEqualTo("Basel");

        assertThat(created.sectors()).extracting(Sector::name, Sector::priceCategory, Sector::capacity)
                .containsExactly(
                        tuple("Parkett", category + "-A", 10),
                        tuple("Balkon", category + "-B", 5));
        assertThat(created.sectors()).allSatisfy(sector -> {
            assertThat(sector.pid()).isNotBlank();
            assertThat(sector.host()).isEqualTo(Seed.DEMO_HOST);
            Sector readBack = api.call(c -> c.sectors().get(sector.pid()));
            assertThat(readBack).isEqualTo(sector);
        });

        Event event = api.call(c -> c.events().get(created.event()));
        assertThat(event.pid()).isEqualTo(created.event());
        assertThat(event.host()).isEqualTo(Seed.DEMO_HOST);
        assertThat(event.name()).isEqualTo("Cookbook Night");
        assertThat(event.currency()).isEqualTo("CHF");
        assertThat(event.allowDigitalDispatch()).isTrue();
        assertThat(event.created()).isNotNull();

        Show show = api.call(c -> c.shows().get(created.show(), Query.create().expand("capacity")));
        assertThat(show.pid()).isEqualTo(created.show());
        assertThat(show.event()).isEqualTo(created.event());
        assertThat(show.venue()).isEqualTo(created.venue());
        assertThat(show.start()).isAtSameInstantAs(START);
        assertThat(show.end()).isAtSameInstantAs(START.plusHours(2));
        assertThat(show.capacity().total()).isEqualTo(new Capacity.Counts(15, 0, 15));

        assertThat(created.prices()).extracting(Price::name, Price::priceCategory, Price::event)
                .containsExactly(
                        tuple("Parkett", category + "-A", created.event()),
                        tuple("Balkon", category + "-B", created.event()));
        assertThat(created.prices()).extracting(Price::price)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("40.00"), new BigDecimal("25.00"));
        List<Price> ofEvent = api.call(c -> c.prices().list(Query.create().filter("event", created.event())));
        assertThat(ofEvent).containsExactlyInAnyOrderElementsOf(created.prices());
    }
}
