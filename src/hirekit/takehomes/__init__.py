"""Take-home projects: uploads, static review reports, similar submissions."""
