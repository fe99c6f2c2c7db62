/**
 * RFC 9457 problem details on every path out of a service: exceptions from controllers, the servlet container's
 * error page, and errors Tomcat raises before Spring MVC sees the request.
 */
package dev.gyre.boot.problem;
