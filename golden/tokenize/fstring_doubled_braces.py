x = f"{{literal}} {{{x}}} }}"
