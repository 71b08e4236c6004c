package dev.awstestharness.asl.internal.model;

/** The query language of a state: {@code QueryLanguage} of the state, else of the state machine, else JSONPath. */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String aslName;

    QueryLanguage(String aslName) {
        this.aslName = aslName;
    }

    public String aslName() {
        return aslName;
    }

    /** The language named {@code name} in ASL, or {@code null}. */
    public static QueryLanguage of(String name) {
        for (QueryLanguage language : values()) {
            if (language.aslName.equals(name)) return language;
        }
        return null;
    }
}
