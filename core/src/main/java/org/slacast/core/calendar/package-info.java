/**
 * Business calendars: a time zone, weekly working hours with split shifts, and holiday rules.
 *
 * <p>Shift boundaries are wall-clock times in the calendar's zone, so "08:00-17:00" stays 08:00-17:00
 * across daylight-saving changes; the time counted inside a shift is real elapsed time, so a 24×7 calendar
 * agrees with plain durations even on the 23- and 25-hour days.
 */
package org.slacast.core.calendar;
