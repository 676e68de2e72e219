package com.example.booking;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import ch.ticketpark.sandbox.client.SandboxControl;

/** The application as built, plus the sandbox's control client for the tests that run inside the server. */
final class BookingApp {

    private BookingApp() {
    }

    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/booking-app.war"))
                .addPackages(true, SandboxControl.class.getPackage());
    }
}
