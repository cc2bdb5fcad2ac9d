namespace cb::ui { void placeholder() {} }
