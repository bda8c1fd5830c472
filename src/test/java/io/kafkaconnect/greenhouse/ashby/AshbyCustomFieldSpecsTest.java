package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.schema.JsonValues;
import io.kafkaconnect.greenhouse.schema.ReadContext;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.schema.TypeSpec;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ashby values of any shape: exact JSON always, typed copies only where they are exact. */
class AshbyCustomFieldSpecsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Struct value(String json) throws Exception {
        TypeSpec.Compiled c = AshbyCustomFieldSpecs.VALUE.compile("T.value");
        Struct s = (Struct) JsonValues.read(c, new ReadContext("r", new UnknownFieldLog()), json, "v");
        s.validate();
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "12.5", "\"2026-05-04\"", "\"q\\\"b\\\\s\\n\\u0001é/€\"", "-7",
            "9223372036854775808", "null", "-0.0", "[\"a\",\"b\"]", "{\"value\":1,\"currencyCode\":\"USD\"}",
            "{\"type\":\"number-range\",\"minValue\":1,\"maxValue\":2}", "{\"score\":4}", "[{\"a\":1},null,3]",
            "{\"type\":\"compensation-range\",\"minValue\":1.5,\"maxValue\":null,\"currencyCode\":\"EUR\",\"interval\":\"1 HOUR\",\"x\":[1]}"})
    void keepsTheExactJson(String json) throws Exception {
        assertThat(JSON.readTree(value(json).getString("json"))).isEqualTo(JSON.readTree(json));
        assertThat(value(json).getString("json")).isEqualTo(JSON.readTree(json).toString());
    }

    @Test
    void aCurrencyWhoseAmountIsNotANumberKeepsOnlyWhatIsExact() throws Exception {
        Struct s = value("{\"value\":\"12\",\"currencyCode\":\"USD\"}");
        assertThat(s.getString("type")).isEqualTo("currency");
        assertThat(s.getStruct("currency").get("value")).isNull();
        assertThat(s.getStruct("currency").getString("currencyCode")).isEqualTo("USD");
    }

    @Test
    void anUnknownTypedObjectIsAnObject() throws Exception {
        Struct s = value("{\"type\":\"PlainText\",\"value\":\"hello\"}");
        assertThat(s.getString("type")).isEqualTo("object");
        assertThat(s.get("range")).isNull();
        assertThat(s.get("currency")).isNull();
    }

    @Test
    void aRangeWithAMissingBoundKeepsTheOther() throws Exception {
        Struct s = value("{\"type\":\"compensation-range\",\"minValue\":null,\"maxValue\":10,\"currencyCode\":\"GBP\",\"interval\":\"1 MONTH\"}");
        assertThat(s.getString("type")).isEqualTo("compensation-range");
        assertThat(s.getStruct("range").get("minValue")).isNull();
        assertThat(s.getStruct("range").getFloat64("maxValue")).isEqualTo(10.0);
        assertThat(s.getStruct("range").getString("interval")).isEqualTo("1 MONTH");
    }

    @Test
    void listItemsThatAreNotScalarsKeepTheirJson() throws Exception {
        assertThat(value("[{\"a\":1},null,3]").getArray("list_value")).containsExactly("{\"a\":1}", null, "3");
    }

    @Test
    void valuesByKeyKeepNullEntriesAsNullValues() throws Exception {
        TypeSpec.Compiled c = AshbyCustomFieldSpecs.VALUES_BY_KEY.compile("T.values");
        ReadContext ctx = new ReadContext("r", new UnknownFieldLog());
        @SuppressWarnings("unchecked")
        Map<String, Struct> map = (Map<String, Struct>) JsonValues.read(c, ctx, "{\"a\":null,\"b\":2}", "v");
        assertThat(map.get("a").getString("type")).isEqualTo("null");
        assertThat(map.get("b").getFloat64("number_value")).isEqualTo(2.0);
        assertThatThrownBy(() -> JsonValues.read(c, ctx, "[1]", "v")).isInstanceOf(RecordConversionException.class);
    }
}
