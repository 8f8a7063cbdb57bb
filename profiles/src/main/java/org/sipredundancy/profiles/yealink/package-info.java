/**
 * The Yealink models built into the project, taken from Yealink's guide "Server Redundancy on Yealink IP Phones"
 * (the seed document): the model lists at its top give each model's minimum firmware, and the "X ranges from" lists
 * of its parameter tables give each model's account count.
 */
package org.sipredundancy.profiles.yealink;
