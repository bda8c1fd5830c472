package io.kafkaconnect.greenhouse.schema;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Sets a Struct's fields without {@link Struct#put}'s validation. The readers make values of their field's schema
 * by construction, and {@code put} validates every value again, nested structs and lists all the way down, each
 * time building the message it would throw: on a Harvest candidate that was a third of all the reading allocated.
 * Where the Struct's array cannot be reached (a Connect API that changed), {@code put} is used.
 */
public final class StructValues {
    private static final VarHandle VALUES = valuesHandle();

    private StructValues() {
    }

    private static VarHandle valuesHandle() {
        try {
            return MethodHandles.privateLookupIn(Struct.class, MethodHandles.lookup())
                    .findVarHandle(Struct.class, "values", Object[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The struct's value array, or null where it cannot be reached. */
    static Object[] of(Struct struct) {
        return VALUES == null ? null : (Object[]) VALUES.get(struct);
    }

    /**
     * Sets the field {@code name} of {@code struct} to {@code value}, which must be a value of the field's schema
     * (a reader's own making), without validating it again.
     *
     * @return the struct
     */
    public static Struct put(Struct struct, String name, Object value) {
        Field field = struct.schema().field(name);
        if (field == null) {
            return struct.put(name, value); // put names the missing field
        }
        set(struct, of(struct), field, value);
        return struct;
    }

    /** Sets {@code field} in {@code struct}, whose value array is {@code values} (from {@link #of}, may be null). */
    static void set(Struct struct, Object[] values, Field field, Object value) {
        if (values == null) {
            struct.put(field, value);
        } else {
            values[field.index()] = value;
        }
    }
}
