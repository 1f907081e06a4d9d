@NullMarked
package dev.crawler.core.parse;

import org.jspecify.annotations.NullMarked;
