package ch.ticketpark.bench.liberty;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bench endpoints live under {@code /bench}. */
@ApplicationPath("/bench")
public class BenchApplication extends Application {
}
