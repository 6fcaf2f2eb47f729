"""The bare FastAPI app the generated one is compared with: the same framework
and server (uvicorn, one process, no access log), nothing else."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/health-async")
async def health_async() -> dict[str, str]:
    return {"status": "ok"}
