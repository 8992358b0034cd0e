"""The experts service: the Community of Experts and Practitioners in decentralisation and local governance."""
