package io.kafkaconnect.greenhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypesTest {
    private static final Map<String, TypeSpec> SCALARS = Map.of("STRING", Types.STRING, "INT64", Types.INT64,
            "INT32", Types.INT32, "FLOAT64", Types.FLOAT64, "BOOLEAN", Types.BOOLEAN);
    private final ReadContext ctx = new ReadContext("people", new UnknownFieldLog());

    private Object read(TypeSpec type, String value) throws Exception {
        return JsonValues.read(type.compile("t"), ctx, value, "f");
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
            "STRING  | '\"Ada\"'      | Ada",
            "STRING  | 42             | 42",
            "STRING  | true           | true",
            "INT64   | 9007199254740993 | 9007199254740993",
            "INT32   | -7             | -7",
            "FLOAT64 | 2.5            | 2.5",
            "FLOAT64 | 3              | 3.0",
            "BOOLEAN | false          | false"})
    void eachScalarReadsItsValues(String type, String value, String expected) throws Exception {
        assertThat(String.valueOf(read(SCALARS.get(type), value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(delimiter = '|', value = {
            "STRING  | [1]              | a string",
            "STRING  | '{}'             | a string",
            "INT64   | 1.5              | an integer",
            "INT64   | '\"1\"'          | an integer",
            "INT64   | 9223372036854775808 | an integer",
            "INT32   | 2147483648       | a 32-bit integer",
            "FLOAT64 | '\"1.5\"'        | a number",
            "BOOLEAN | 1                | true or false",
            "BOOLEAN | '\"true\"'       | true or false"})
    void eachScalarRefusesOtherValuesNamingWhatItShouldBe(String type, String value, String expected) {
        assertThatThrownBy(() -> read(SCALARS.get(type), value)).isInstanceOf(RecordConversionException.class)
                .hasMessageContaining("'f'").hasMessageContaining("should be " + expected + " but is a JSON");
    }

    @Test
    void eachScalarHasItsOptionalSchema() {
        assertThat(Types.STRING.compile("t").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(Types.INT64.compile("t").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
        assertThat(Types.INT32.compile("t").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(Types.FLOAT64.compile("t").schema()).isEqualTo(Schema.OPTIONAL_FLOAT64_SCHEMA);
        assertThat(Types.BOOLEAN.compile("t").schema()).isEqualTo(Schema.OPTIONAL_BOOLEAN_SCHEMA);
    }

    @Test
    void aMapKeepsTheObjectsOrderAndNullsAndNamesTheEntryThatIsWrong() throws Exception {
        TypeSpec map = Types.map(Types.INT64);
        assertThat(read(map, "{\"b\": 2, \"a\": null, \"c\": 3}")).asString().isEqualTo("{b=2, a=null, c=3}");
        assertThatThrownBy(() -> read(map, "[1]")).hasMessageContaining("should be an object but is a JSON array");
        assertThatThrownBy(() -> read(map, "{\"a\": 1, \"b\": \"x\"}")).hasMessageContaining("'f.b'")
                .hasMessageContaining("an integer");
    }

    @ParameterizedTest(name = "TIMESTAMP reads {0} as java.time does")
    @CsvSource({"2016-02-03T16:38:46.985Z", "2016-02-03T16:38:46Z", "2016-02-03T16:38:46.9Z",
            "2016-02-03T16:38:46.123456789Z", "1960-12-31T23:59:59.999Z", "2024-02-29T00:00:00.000Z",
            "2016-02-03T16:38:46.985+02:00", "2016-02-03", "2016-02-03T24:00:00Z", "2016-02-03T16:38:46.Z"})
    void timestampsOfEveryShapeReadAsJavaTimeReadsThem(String text) throws Exception {
        assertThat(read(Types.TIMESTAMP, "\"" + text + "\""))
                .isEqualTo(java.util.Date.from(Types.parseInstant(text)));
    }

    @ParameterizedTest(name = "TIMESTAMP refuses {0}")
    @CsvSource({"2023-02-29T00:00:00Z", "2016-13-03T16:38:46Z", "2016-02-03X16:38:46Z"})
    void impossibleTimestampsAreRefused(String text) {
        assertThatThrownBy(() -> read(Types.TIMESTAMP, "\"" + text + "\""))
                .isInstanceOf(RecordConversionException.class).hasMessageContaining("not an ISO-8601 timestamp");
    }
}
