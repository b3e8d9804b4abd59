"""The application: async loop, scene stack, display, composition root."""
