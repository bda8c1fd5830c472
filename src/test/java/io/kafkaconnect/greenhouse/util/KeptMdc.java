package io.kafkaconnect.greenhouse.util;

import java.lang.reflect.Field;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * An MDC that keeps what is put in it, while open. The tests' SLF4J binding (slf4j-simple) has none: its
 * {@link MDC} forgets everything, so no test could see what a thread's logging context holds. This puts SLF4J's own
 * {@link BasicMDCAdapter} in its place (the adapter {@code MDC} holds in a static field) and puts the binding's
 * back on close.
 */
public final class KeptMdc implements AutoCloseable {
    private final Field field;
    private final MDCAdapter original;

    public KeptMdc() {
        try {
            field = MDC.class.getDeclaredField("mdcAdapter");
            field.setAccessible(true);
            original = (MDCAdapter) field.get(null);
            field.set(null, new BasicMDCAdapter());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this SLF4J's MDC cannot be given an adapter that keeps values", e);
        }
    }

    @Override
    public void close() {
        try {
            field.set(null, original);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
