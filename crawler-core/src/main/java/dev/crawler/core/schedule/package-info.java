@NullMarked
package dev.crawler.core.schedule;

import org.jspecify.annotations.NullMarked;
