package io.kafkaconnect.greenhouse.dialect.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.RecordMaker;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every v3 resource's Connect schema survives the Avro converter: the Avro schema parses on its own (no name defined
 * twice, every name valid), and each example record round-trips through Avro binary back to an equal Struct; the
 * key schema too.
 */
class V3AvroTest {

    private static AvroData avroData() {
        return new AvroData(new AvroDataConfig.Builder()
                .with(AvroDataConfig.SCHEMAS_CACHE_SIZE_CONFIG, 100)
                .with(AvroDataConfig.CONNECT_META_DATA_CONFIG, true)
                .with(AvroDataConfig.ENHANCED_AVRO_SCHEMA_SUPPORT_CONFIG, true)
                .build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.v3.V3Examples#resources")
    void schemaAndExamplesRoundTripThroughAvro(Resource r) throws IOException {
        RecordConverter converter = new RecordConverter(r.name(), r.schemaName(), r.schema(), new UnknownFieldLog());
        Schema schema = converter.schema();
        AvroData avroData = avroData();

        org.apache.avro.Schema avro = avroData.fromConnectSchema(schema);
        org.apache.avro.Schema parsed = new org.apache.avro.Schema.Parser().parse(avro.toString());
        assertThat(parsed.getFullName()).isEqualTo(r.schemaName());
        assertThat(avroData.toConnectSchema(parsed)).isEqualTo(schema);

        for (JsonNode example : V3Examples.of(r.name())) {
            Struct struct = converter.convert(example);
            GenericRecord record = (GenericRecord) avroData.fromConnectData(schema, struct);
            Object back = read(parsed, write(avro, record));
            SchemaAndValue connect = avroData.toConnectData(parsed, back);
            assertThat(connect.schema()).isEqualTo(schema);
            assertThat(connect.value()).as("%s record %s", r.name(), example.get(r.keyField())).isEqualTo(struct);
        }

        RecordMaker maker = new RecordMaker(r, "t", new SourcePartition("v3", "h", r.name()), new UnknownFieldLog());
        org.apache.avro.Schema key = avroData.fromConnectSchema(maker.keySchema());
        assertThat(new org.apache.avro.Schema.Parser().parse(key.toString()).getFullName())
                .isEqualTo(r.schemaName() + "Key");
    }

    private static byte[] write(org.apache.avro.Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Object read(org.apache.avro.Schema schema, byte[] bytes) throws IOException {
        return new GenericDatumReader<>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
