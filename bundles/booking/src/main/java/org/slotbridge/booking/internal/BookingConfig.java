package org.slotbridge.booking.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Slotbridge booking",
        description = "How long holds last, for every practice. How openings are laid out is set per practice.")
@interface BookingConfig {

    @AttributeDefinition(name = "Hold minutes", min = "1", max = "1440",
            description = "How long a visitor's hold keeps an opening before lapsing, unless a request is made.")
    int holdMinutes() default 10;

    @AttributeDefinition(name = "Sweep seconds", min = "5",
            description = "How often lapsed and past holds are deleted and undecided requests expire.")
    int sweepSeconds() default 60;

    @AttributeDefinition(name = "Answer hours", min = "1", max = "720",
            description = "How long a client has to accept or refuse a proposed time before the proposal expires.")
    int answerHours() default 48;
}
