package ch.ticketpark.sandbox.store;

import java.util.List;

/**
 * One page of a list query and the number of matching records ignoring pagination ({@code x-count}).
 */
public record Page(List<Entity> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
