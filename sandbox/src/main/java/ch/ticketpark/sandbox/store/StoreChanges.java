package ch.ticketpark.sandbox.store;

import java.util.List;

/**
 * What one operation of the {@link ResourceStore} changed (a batch: every record of it), in the order of the changes;
 * the CDI event the store fires after each successful operation. Seeding, a reset and the expiry of unconfirmed
 * bookings fire nothing.
 *
 * @param changes at least one
 */
public record StoreChanges(List<StoreChange> changes) {

    public StoreChanges {
        changes = List.copyOf(changes);
    }
}
