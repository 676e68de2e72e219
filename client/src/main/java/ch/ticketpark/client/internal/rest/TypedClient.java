package ch.ticketpark.client.internal.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * The library's own qualifier of the {@link TypedClientFacade} beans, naming the typed client's interface: the
 * {@link TypedClientExtension} gives it to each injection point of a typed client in place of {@code @RestClient},
 * with the point's type {@code Object}, so that the facade beans match no lookup of the interface itself (such as
 * {@code @Any EventsClient}). Not for applications.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface TypedClient {

    /** The typed client's interface. */
    Class<?> value();

    /** An instance. */
    final class Literal extends AnnotationLiteral<TypedClient> implements TypedClient {

        private static final long serialVersionUID = 1L;

        private final Class<?> value;

        Literal(Class<?> value) {
            this.value = value;
        }

        @Override
        public Class<?> value() {
            return value;
        }
    }
}
