package org.slotbridge.booking.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Slotbridge booking",
        description = "How long holds last and how openings are laid out, for every practice.")
@interface BookingConfig {

    @AttributeDefinition(name = "Hold minutes", min = "1", max = "1440",
            description = "How long a visitor's hold keeps an opening before lapsing, unless a request is made.")
    int holdMinutes() default 10;

    @AttributeDefinition(name = "Grid minutes", min = "1", max = "240",
            description = "Openings start every this many minutes, counted from the start of each working window.")
    int gridMinutes() default 15;

    @AttributeDefinition(name = "Notice minutes", min = "0",
            description = "No opening starts sooner than this after now.")
    int noticeMinutes() default 60;

    @AttributeDefinition(name = "Horizon days", min = "0", max = "730",
            description = "No opening starts more than this many days after today.")
    int horizonDays() default 180;

    @AttributeDefinition(name = "Sweep seconds", min = "5",
            description = "How often lapsed and past holds are deleted.")
    int sweepSeconds() default 60;
}
