package io.leadflow.api.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body field of free text written over several lines (a logged reply, a form's message):
 * tab, line feed and carriage return are allowed there, and bidirectional controls too. Every other
 * text field is a single line ({@link TextRule}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface MultilineText {}
