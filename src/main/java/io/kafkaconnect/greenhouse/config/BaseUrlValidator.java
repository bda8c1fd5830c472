package io.kafkaconnect.greenhouse.config;

import java.net.InetAddress;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** An absolute https:// URL; http:// only for loopback hosts (tests, the simulator). */
public final class BaseUrlValidator implements ConfigDef.Validator {
    private final String example;

    /** @param example a valid value, quoted in the message for an invalid one */
    public BaseUrlValidator(String example) {
        this.example = example;
    }

    @Override
    public void ensureValid(String name, Object value) {
        String text = value == null ? "" : value.toString().trim();
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new ConfigException(name, value, "must be an absolute http(s) URL such as " + example);
        }
        if (url.scheme().equals("http") && !isLoopback(url.host())) {
            throw new ConfigException(name, value, "must use https://; http:// is accepted only for loopback hosts "
                    + "(localhost, 127.0.0.0/8, ::1), because the credentials would travel in clear text");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new ConfigException(name, value, "must not have a query or fragment");
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost: never resolve names here
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "https:// URL (http:// only for loopback hosts)";
    }
}
