"""`zhineng preview`: a package served on 127.0.0.1 inside a host page with a real SCORM API (scorm-again)."""
