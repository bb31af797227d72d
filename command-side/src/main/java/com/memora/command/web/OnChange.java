package com.memora.command.web;

import jakarta.validation.groups.Default;

/** Bean Validation group of a partial update: the default constraints plus "the id is not in the body". */
public interface OnChange extends Default {
}
