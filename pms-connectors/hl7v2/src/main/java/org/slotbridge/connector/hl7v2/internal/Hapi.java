package org.slotbridge.connector.hl7v2.internal;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/** The one way this bundle sets up and calls the embedded HAPI library. */
final class Hapi {

    /** Work done with HAPI. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws HL7Exception;
    }

    private Hapi() {
    }

    /**
     * A context that does not validate (messages from the field break rules HAPI would enforce), and that
     * writes every value as plain text: what clients type must never become structure in a PMS's file.
     */
    static HapiContext newContext() {
        HapiContext context = new DefaultHapiContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setEscaping(new LiteralEscaping());
        // an '&' in a plain field is escaped too, for readers that split every field on it
        context.getParserConfiguration().setEscapeSubcomponentDelimiterInPrimitive(true);
        return context;
    }

    /**
     * Runs {@code work} with this bundle's class loader as the thread's context class loader: HAPI looks up
     * structure classes and event maps through it, and a thread from elsewhere may carry another one.
     */
    static <T> T call(Work<T> work) throws HL7Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Hapi.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
