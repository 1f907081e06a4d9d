@NullMarked
package dev.crawler.cli;

import org.jspecify.annotations.NullMarked;
