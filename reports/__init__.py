"""Reporting against the standard: tracking data from SCORM, Open edX and xAPI, merged per learner."""
